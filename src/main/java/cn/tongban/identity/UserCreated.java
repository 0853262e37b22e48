package cn.tongban.identity;

import java.util.List;

/** Published inside the creating transaction once a user and their memberships are stored. */
public record UserCreated(UserAccount user, List<String> groupIds) {

    public UserCreated {
        groupIds = List.copyOf(groupIds);
    }
}
