package cn.tongban.review.workbench;

import cn.tongban.identity.UserAccount;
import cn.tongban.identity.UserDirectory;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Who a signed-in user is for the workbench, from our user directory (which Camunda's identity mirrors). */
@Component
class Reviewers {

    private final UserDirectory directory;

    Reviewers(UserDirectory directory) {
        this.directory = directory;
    }

    Reviewer of(String username) {
        String district = directory.findUser(username).map(UserAccount::districtCode).orElse(null);
        return new Reviewer(username, directory.groupIdsOf(username), district);
    }

    /** Display names of users, for pages; an unknown user shows as their username. */
    Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        for (String username : usernames) {
            if (username != null && !names.containsKey(username)) {
                names.put(username, directory.findUser(username).map(UserAccount::displayName).orElse(username));
            }
        }
        return names;
    }
}
