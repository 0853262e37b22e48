package cn.tongban.review;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A one-time correction notice (一次性告知): every missing material at once. Each item names a material of the
 * service's catalogue entry (with an optional remark) or, without a code, something else in free text.
 */
@Schema(name = "CorrectionNotice", description = "一次性告知 / One-time correction notice")
public record CorrectionNotice(List<Item> items, @Schema(nullable = true) String note) {

    @Schema(name = "CorrectionNoticeItem")
    public record Item(@Schema(nullable = true, example = "household-register") String materialCode,
                       @Schema(nullable = true, example = "须含全部家庭成员页") String text) {
    }
}
