package cn.tongban.forms;

import java.util.Set;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Makes {@link FormRendering} available to templates as {@code #forms}, which the fragment
 * {@code forms/render :: form(definition, values, errors)} uses. Spring Boot adds every dialect bean to its
 * template engine; a stand-alone engine adds it with {@code addDialect}.
 */
public final class FormsDialect extends AbstractDialect implements IExpressionObjectDialect {

    public static final String EXPRESSION_OBJECT = "forms";

    private final FormRendering rendering;

    public FormsDialect(FormRendering rendering) {
        super("tongban-forms");
        this.rendering = rendering;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(EXPRESSION_OBJECT);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return EXPRESSION_OBJECT.equals(expressionObjectName) ? rendering : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
