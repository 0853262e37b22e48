package cn.tongban.review.workbench;

import java.util.List;

/**
 * The signed-in reviewer as the engine sees them: their groups (candidate groups of tasks among them) and their
 * district, null for city-wide users such as supervisors.
 */
record Reviewer(String username, List<String> groups, String district) {

    Reviewer {
        groups = List.copyOf(groups);
    }
}
