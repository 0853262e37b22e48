package cn.tongban.testsupport;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;

/** Engine calls made as a user, so the engine's authorizations apply as they do to him in Tasklist. */
public final class EngineUsers {

    private EngineUsers() {
    }

    /** Runs {@code action} authenticated as {@code userId} with the groups the engine knows him in. */
    public static <T> T as(ProcessEngine engine, String userId, Supplier<T> action) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identity.setAuthentication(userId, groups);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
