package cn.tongban.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A boolean form property that may be a FEEL expression: {@code conditional.hide}, {@code readonly},
 * {@code disabled}. The server evaluates the small part of FEEL that forms use in practice, with the semantics of
 * the FEEL interpreter form-js runs in the browser (feelin):
 * <ul>
 *   <li>literals: strings {@code "a"}, numbers {@code 1}, {@code -2.5}, {@code true}, {@code false}, {@code null};</li>
 *   <li>variables and paths: {@code maritalStatus}, {@code applicant.married}, {@code this.relation} (an unknown
 *       variable is {@code null});</li>
 *   <li>{@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code x in ("a", "b")},
 *       {@code x in ["a", "b"]};</li>
 *   <li>{@code and}, {@code or} (three-valued), {@code not(...)}, parentheses.</li>
 * </ul>
 * Anything else (function calls, arithmetic, ranges, {@code if}, names with spaces) is <em>unsupported</em>:
 * {@link #evaluate} answers empty and {@link #holdsIn} answers {@code false}. For {@code hide} that means
 * "visible": the server then checks the field like any visible one and never drops its value, so an expression it
 * cannot read never makes it accept less than the browser shows, nor lose data. A form author who needs such a
 * condition honoured on the server keeps to the subset above.
 */
public final class FeelCondition {

    /** The property is absent or {@code false}. */
    public static final FeelCondition NEVER = new FeelCondition("false", new Literal(Boolean.FALSE));
    /** The property is {@code true}. */
    public static final FeelCondition ALWAYS = new FeelCondition("true", new Literal(Boolean.TRUE));

    private static final int MAX_DEPTH = 64;

    private final String text;
    private final Node node;

    private FeelCondition(String text, Node node) {
        this.text = text;
        this.node = node;
    }

    /** {@code "=expression"} as written in a .form file; text without the leading {@code =} is not an expression. */
    public static FeelCondition parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.startsWith("=")) {
            return new FeelCondition(text, null);
        }
        try {
            Parser parser = new Parser(tokenize(text.substring(1)));
            Node node = parser.disjunction();
            parser.expectEnd();
            return new FeelCondition(text, node);
        } catch (IllegalArgumentException unsupported) {
            return new FeelCondition(text, null);
        }
    }

    public static FeelCondition of(boolean value) {
        return value ? ALWAYS : NEVER;
    }

    /** The property as written ({@code "=..."}), or {@code "true"}/{@code "false"} for a plain boolean. */
    public String text() {
        return text;
    }

    /** Whether the server can evaluate this expression. */
    public boolean supported() {
        return node != null;
    }

    /** A plain {@code true}/{@code false} rather than an expression. */
    public boolean constant() {
        return node instanceof Literal;
    }

    /**
     * The value in {@code variables} (names map to form data: maps, lists, strings, numbers, booleans); empty when
     * the expression is unsupported or its value is not a boolean.
     */
    public Optional<Boolean> evaluate(Map<String, ?> variables) {
        if (node == null) {
            return Optional.empty();
        }
        Object result = node.eval(variables == null ? Map.of() : variables);
        return result instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** {@code true} only when the expression is supported and evaluates to {@code true}, as form-js decides. */
    public boolean holdsIn(Map<String, ?> variables) {
        return evaluate(variables).orElse(false);
    }

    @Override
    public String toString() {
        return text;
    }

    // ---- evaluation, after feelin: null-safe, three-valued, values of different types are not equal ----

    private sealed interface Node permits Literal, ListLiteral, Variable, Not, Junction, Comparison, Membership {
        Object eval(Map<String, ?> variables);
    }

    private record Literal(Object value) implements Node {
        public Object eval(Map<String, ?> variables) {
            return value;
        }
    }

    private record ListLiteral(List<Node> items) implements Node {
        public Object eval(Map<String, ?> variables) {
            List<Object> list = new ArrayList<>();
            items.forEach(item -> list.add(item.eval(variables)));
            return list;
        }
    }

    private record Variable(List<String> names) implements Node {
        public Object eval(Map<String, ?> variables) {
            Object value = normalize(variables.get(names.get(0)), 0);
            for (String name : names.subList(1, names.size())) {
                value = member(value, name);
            }
            return value;
        }

        private static Object member(Object value, String name) {
            if (value instanceof Map<?, ?> map) {
                return map.get(name);
            }
            if (value instanceof List<?> list) {
                // a path on a list maps over its elements
                List<Object> members = new ArrayList<>();
                list.forEach(element -> members.add(member(element, name)));
                return members;
            }
            return null;
        }
    }

    private record Not(Node operand) implements Node {
        public Object eval(Map<String, ?> variables) {
            return operand.eval(variables) instanceof Boolean b ? !b : null;
        }
    }

    private record Junction(boolean conjunction, Node left, Node right) implements Node {
        public Object eval(Map<String, ?> variables) {
            Boolean l = left.eval(variables) instanceof Boolean b ? b : null;
            Boolean r = right.eval(variables) instanceof Boolean b ? b : null;
            if (conjunction) {
                if (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)) {
                    return false;
                }
                return l != null && r != null ? Boolean.TRUE : null;
            }
            if (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)) {
                return true;
            }
            return l != null && r != null ? Boolean.FALSE : null;
        }
    }

    private record Comparison(String operator, Node left, Node right) implements Node {
        public Object eval(Map<String, ?> variables) {
            Object l = left.eval(variables);
            Object r = right.eval(variables);
            switch (operator) {
                case "=":
                    return equal(l, r, 0);
                case "!=":
                    // feelin negates the equality, so "not comparable" counts as "not equal"
                    return !Boolean.TRUE.equals(equal(l, r, 0));
                default:
                    Integer order = order(l, r);
                    if (order == null) {
                        return null;
                    }
                    return switch (operator) {
                        case "<" -> order < 0;
                        case "<=" -> order <= 0;
                        case ">" -> order > 0;
                        default -> order >= 0;
                    };
            }
        }
    }

    private record Membership(Node value, Node candidates, List<Node> listed) implements Node {
        public Object eval(Map<String, ?> variables) {
            Object v = value.eval(variables);
            List<Object> options = new ArrayList<>();
            if (listed != null) {
                listed.forEach(node -> options.add(node.eval(variables)));
            } else {
                Object c = candidates.eval(variables);
                if (c == null) {
                    return null;
                }
                if (c instanceof List<?> list) {
                    options.addAll(list);
                } else {
                    options.add(c);
                }
            }
            return options.stream().anyMatch(option -> Boolean.TRUE.equals(equal(option, v, 0)));
        }
    }

    private static Boolean equal(Object a, Object b, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        a = normalize(a, depth);
        b = normalize(b, depth);
        if ((a == null) != (b == null)) {
            return false;
        }
        // feelin compares a list of fewer than two elements as its only element
        a = unwrap(a);
        b = unwrap(b);
        if (a == null && b == null) {
            return true;
        }
        if (a == null || b == null || kind(a) != kind(b)) {
            return null;
        }
        if (a instanceof BigDecimal x) {
            return x.compareTo((BigDecimal) b) == 0;
        }
        if (a instanceof List<?> x) {
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!Boolean.TRUE.equals(equal(x.get(i), y.get(i), depth + 1))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x) {
            Map<?, ?> y = (Map<?, ?>) b;
            return x.size() == y.size() && x.entrySet().stream().allMatch(entry -> y.containsKey(entry.getKey())
                    && Boolean.TRUE.equals(equal(entry.getValue(), y.get(entry.getKey()), depth + 1)));
        }
        return a.equals(b);
    }

    private static Object unwrap(Object value) {
        if (value instanceof List<?> list && list.size() < 2) {
            return list.isEmpty() ? null : list.get(0);
        }
        return value;
    }

    private static Integer order(Object a, Object b) {
        a = normalize(a, 0);
        b = normalize(b, 0);
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        return null;
    }

    private static int kind(Object value) {
        if (value instanceof BigDecimal) {
            return 1;
        }
        if (value instanceof String) {
            return 2;
        }
        if (value instanceof Boolean) {
            return 3;
        }
        if (value instanceof List<?>) {
            return 4;
        }
        if (value instanceof Map<?, ?>) {
            return 5;
        }
        return 6;
    }

    /** Form data as FEEL sees it: every number a decimal, anything FEEL has no type for null. */
    private static Object normalize(Object value, int depth) {
        if (value instanceof BigDecimal || value instanceof String || value instanceof Boolean
                || value instanceof List<?> || value instanceof Map<?, ?> || value == null) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
        }
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    // ---- parsing ----

    private enum TokenType { NAME, STRING, NUMBER, SYMBOL }

    private record Token(TokenType type, String text) {
        boolean is(String symbol) {
            return (type == TokenType.SYMBOL || type == TokenType.NAME) && text.equals(symbol);
        }
    }

    private static List<Token> tokenize(String source) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= source.length()) {
                        throw new IllegalArgumentException("unterminated string");
                    }
                    char s = source.charAt(i++);
                    if (s == '"') {
                        break;
                    }
                    if (s == '\\') {
                        if (i >= source.length()) {
                            throw new IllegalArgumentException("unterminated string");
                        }
                        char e = source.charAt(i++);
                        switch (e) {
                            case 'n' -> text.append('\n');
                            case 't' -> text.append('\t');
                            case 'r' -> text.append('\r');
                            case '"', '\\', '\'' -> text.append(e);
                            default -> throw new IllegalArgumentException("unsupported escape");
                        }
                    } else {
                        text.append(s);
                    }
                }
                tokens.add(new Token(TokenType.STRING, text.toString()));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < source.length()
                    && Character.isDigit(source.charAt(i + 1)))) {
                int start = i;
                while (i < source.length() && Character.isDigit(source.charAt(i))) {
                    i++;
                }
                if (i + 1 < source.length() && source.charAt(i) == '.' && Character.isDigit(source.charAt(i + 1))) {
                    i++;
                    while (i < source.length() && Character.isDigit(source.charAt(i))) {
                        i++;
                    }
                }
                tokens.add(new Token(TokenType.NUMBER, source.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < source.length() && (Character.isLetterOrDigit(source.charAt(i))
                        || source.charAt(i) == '_' || source.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(TokenType.NAME, source.substring(start, i)));
            } else if ((c == '!' || c == '<' || c == '>') && i + 1 < source.length() && source.charAt(i + 1) == '=') {
                tokens.add(new Token(TokenType.SYMBOL, source.substring(i, i + 2)));
                i += 2;
            } else if ("=<>()[],.-".indexOf(c) >= 0) {
                tokens.add(new Token(TokenType.SYMBOL, String.valueOf(c)));
                i++;
            } else {
                throw new IllegalArgumentException("unsupported character " + c);
            }
        }
        return tokens;
    }

    private static final class Parser {

        private static final List<String> KEYWORDS = List.of("and", "or", "not", "in", "true", "false", "null",
                "between", "if", "then", "else", "for", "some", "every", "instance", "function", "satisfies",
                "return");

        private final List<Token> tokens;
        private int position;
        private int depth;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Node disjunction() {
            if (++depth > MAX_DEPTH) {
                throw new IllegalArgumentException("too deeply nested");
            }
            Node node = conjunction();
            while (accept("or")) {
                node = new Junction(false, node, conjunction());
            }
            depth--;
            return node;
        }

        private Node conjunction() {
            Node node = comparison();
            while (accept("and")) {
                node = new Junction(true, node, comparison());
            }
            return node;
        }

        private Node comparison() {
            Node left = value();
            for (String operator : List.of("=", "!=", "<=", ">=", "<", ">")) {
                if (accept(operator)) {
                    return new Comparison(operator, left, value());
                }
            }
            if (accept("in")) {
                if (accept("(")) {
                    return new Membership(left, null, listed(")"));
                }
                return new Membership(left, value(), null);
            }
            return left;
        }

        private List<Node> listed(String close) {
            List<Node> nodes = new ArrayList<>();
            if (accept(close)) {
                return nodes;
            }
            do {
                nodes.add(value());
            } while (accept(","));
            expect(close);
            return nodes;
        }

        private Node value() {
            Token token = next();
            if (token.is("(")) {
                Node inner = disjunction();
                expect(")");
                return inner;
            }
            if (token.is("[")) {
                return new ListLiteral(listed("]"));
            }
            if (token.is("not")) {
                expect("(");
                Node inner = disjunction();
                expect(")");
                return new Not(inner);
            }
            if (token.is("-")) {
                Token number = next();
                if (number.type() != TokenType.NUMBER) {
                    throw new IllegalArgumentException("arithmetic is not supported");
                }
                return new Literal(new BigDecimal(number.text()).negate());
            }
            switch (token.type()) {
                case STRING:
                    return new Literal(token.text());
                case NUMBER:
                    return new Literal(new BigDecimal(token.text()));
                case NAME:
                    if (token.is("true") || token.is("false")) {
                        return new Literal(Boolean.valueOf(token.text()));
                    }
                    if (token.is("null")) {
                        return new Literal(null);
                    }
                    if (KEYWORDS.contains(token.text())) {
                        throw new IllegalArgumentException("unsupported keyword " + token.text());
                    }
                    List<String> names = new ArrayList<>(List.of(token.text()));
                    while (accept(".")) {
                        Token name = next();
                        if (name.type() != TokenType.NAME || KEYWORDS.contains(name.text())) {
                            throw new IllegalArgumentException("unsupported path");
                        }
                        names.add(name.text());
                    }
                    if (position < tokens.size() && (peek().is("(") || peek().type() == TokenType.NAME
                            && !KEYWORDS.contains(peek().text()))) {
                        // a function call, or a name with spaces
                        throw new IllegalArgumentException("unsupported name or call");
                    }
                    return new Variable(List.copyOf(names));
                default:
                    throw new IllegalArgumentException("unexpected " + token.text());
            }
        }

        void expectEnd() {
            if (position != tokens.size()) {
                throw new IllegalArgumentException("unexpected " + peek().text());
            }
        }

        private boolean accept(String symbol) {
            if (position < tokens.size() && tokens.get(position).is(symbol)) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(String symbol) {
            if (!accept(symbol)) {
                throw new IllegalArgumentException("expected " + symbol);
            }
        }

        private Token peek() {
            return tokens.get(position);
        }

        private Token next() {
            if (position >= tokens.size()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return tokens.get(position++);
        }
    }
}
