package cn.tongban.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Loading a year's holiday arrangement at runtime, for administrators. A file that does not validate changes
 * nothing and is answered with 400 listing each problem.
 */
@RestController
@RequestMapping("/api/admin/calendar")
@Tag(name = "工作日历管理 / Working-day calendar administration",
        description = "载入次年的节假日安排 / Load next year's holiday arrangement")
@ApiResponse(responseCode = "400", description = "安排文件无效，未作更改 / invalid arrangement, nothing changed;"
        + " `errors` names each problem",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
class CalendarAdminController {

    private static final String EXAMPLE = "{\"year\": 2027, \"notice\": \"国务院办公厅关于2027年部分节假日安排的通知\","
            + " \"holidays\": [{\"name\": \"元旦\", \"nameEn\": \"New Year's Day\", \"days\": [\"2027-01-01\"]}],"
            + " \"makeupWorkdays\": []}";

    private final CalendarService calendars;

    CalendarAdminController(CalendarService calendars) {
        this.calendars = calendars;
    }

    @PostMapping(path = "/arrangements", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "载入节假日安排 / Load a holiday arrangement",
            description = "JSON 正文或上传文件（表单字段 file），格式同 seeds/calendar/<年份>.json；覆盖同年的安排并通知时限重算"
                    + " / A JSON body or an uploaded file (form field `file`) in the format of"
                    + " seeds/calendar/<year>.json; replaces the same year's arrangement and has open deadlines"
                    + " recomputed.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "节假日安排 / holiday arrangement",
                    content = {
                            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                    schema = @Schema(type = "object", example = EXAMPLE)),
                            @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                                    schema = @Schema(type = "object", requiredProperties = "file"),
                                    schemaProperties = @SchemaProperty(name = "file",
                                            schema = @Schema(type = "string", format = "binary")))}))
    @ApiResponse(responseCode = "201", description = "新载入的年份 / a year not loaded before")
    @ApiResponse(responseCode = "200", description = "已替换该年的安排 / the year's arrangement was replaced")
    public ResponseEntity<LoadedArrangement> upload(@RequestBody(required = false) byte[] body, Principal principal) {
        return load(HolidayArrangement.parse(body == null ? new byte[0] : body, "body"), principal);
    }

    /** The same operation for a file upload; documented with {@link #upload}, as OpenAPI has one per method. */
    @PostMapping(path = "/arrangements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(hidden = true)
    public ResponseEntity<LoadedArrangement> uploadFile(@RequestPart(name = "file", required = false) MultipartFile file,
                                                        Principal principal) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldProblem("file",
                    "缺少安排文件 / the arrangement file is missing (form field file)")));
        }
        return load(HolidayArrangement.parse(file.getBytes(), "file"), principal);
    }

    @DeleteMapping("/arrangements/{year}")
    @Operation(summary = "撤销上传的安排 / Withdraw an uploaded arrangement",
            description = "该年恢复为随程序发布的安排（若有） / the year falls back to the shipped arrangement, if any")
    @ApiResponse(responseCode = "204", description = "已撤销 / withdrawn")
    @ApiResponse(responseCode = "404", description = "该年无上传的安排 / no uploaded arrangement for the year",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<Void> remove(@Parameter(example = "2027", schema = @Schema(type = "integer"))
                                       @PathVariable("year") String year) {
        List<FieldProblem> problems = new ArrayList<>();
        int arrangementYear = RequestValues.year("year", year, problems).orElse(0);
        RequestValues.check(problems);
        if (!calendars.removeUploaded(arrangementYear)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, arrangementYear
                    + " 年没有上传的节假日安排 / no uploaded holiday arrangement for " + arrangementYear);
            problem.setTitle("未上传 / Not uploaded");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<LoadedArrangement> load(HolidayArrangement arrangement, Principal principal) {
        boolean replacing = calendars.current().isLoaded(arrangement.year());
        LoadedArrangement loaded = calendars.load(arrangement, principal == null ? null : principal.getName());
        if (replacing) {
            return ResponseEntity.ok(loaded);
        }
        return ResponseEntity.created(URI.create("/api/calendar/arrangements/" + loaded.year())).body(loaded);
    }
}
