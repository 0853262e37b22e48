package cn.tongban.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public working-day calendar: days, deadlines and the arrangements in force. Open to anyone. */
@RestController
@RequestMapping("/api/calendar")
@Tag(name = "工作日历 / Working-day calendar",
        description = "中国工作日与办理时限 / Working days of the PRC and service deadlines counted in them")
@ApiResponse(responseCode = "400", description = "参数无效 / invalid parameter; `errors` names each one",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
class CalendarController {

    private final CalendarService calendars;

    CalendarController(CalendarService calendars) {
        this.calendars = calendars;
    }

    @Schema(name = "CalendarDay", description = "一天 / One day")
    record DayView(
            @Schema(example = "2023-01-28") LocalDate date,
            @Schema(description = "是否为工作日 / whether it is a working day") boolean workingDay,
            DayKind kind,
            @Schema(description = "节日名称；补班日为其所补的节日；否则为 null / holiday name; for a make-up workday the"
                    + " holiday it makes up for; otherwise null", example = "春节", nullable = true) String holiday,
            @Schema(description = "节日英文名称 / holiday name in English", example = "Spring Festival",
                    nullable = true) String holidayEn,
            @Schema(description = "该年的节假日安排尚未载入，仅按周末判断 / the year's arrangement is not loaded; judged"
                    + " by weekday only") boolean provisional) {

        static DayView of(CalendarDay day) {
            return new DayView(day.date(), day.workingDay(), day.kind(), day.holiday(), day.holidayEn(),
                    day.provisional());
        }
    }

    @Schema(name = "Deadline", description = "办理时限 / Service deadline")
    record DeadlineView(
            @Schema(description = "收件时间（北京时间） / receipt time, in Asia/Shanghai",
                    example = "2023-01-20T10:00:00+08:00") OffsetDateTime from,
            @Schema(description = "时限（工作日） / limit in working days", example = "3") int workingDays,
            @Schema(description = "受理日 / acceptance day", example = "2023-01-20") LocalDate acceptanceDay,
            @Schema(description = "截止时间：第 N 个工作日下班时 / end of business of the N-th working day",
                    example = "2023-01-30T17:30:00+08:00") OffsetDateTime deadline,
            @Schema(description = "涉及尚未载入安排的年份，仅按周末计算 / reaches into a year whose arrangement is not"
                    + " loaded; counted on weekends only") boolean provisional) {

        static DeadlineView of(Deadline deadline) {
            return new DeadlineView(deadline.from(), deadline.workingDays(), deadline.acceptanceDay(),
                    deadline.deadline(), deadline.provisional());
        }
    }

    @GetMapping(path = "/days/{date}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "该日 / the day")
    @Operation(summary = "查询某日是否为工作日 / Is a day a working day",
            description = "周一至周五为工作日，法定节假日放假，调休补班日上班 / Monday to Friday work, public holidays"
                    + " off, make-up days worked")
    public DayView day(@Parameter(description = "日期 / date, yyyy-MM-dd", example = "2023-01-28",
            schema = @Schema(type = "string", format = "date")) @PathVariable("date") String date) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = RequestValues.date("date", date, problems).orElse(null);
        RequestValues.check(problems);
        return DayView.of(calendars.current().day(day));
    }

    @GetMapping(path = "/deadline", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "办理时限 / the deadline")
    @Operation(summary = "计算办理时限 / Compute a service deadline",
            description = "受理日：收件日为工作日且不晚于 17:30（北京时间）则为当日，否则为下一个工作日；受理日不计入，"
                    + "时限于第 N 个工作日 17:30 届满，N = 0 为受理日当日 / The acceptance day is the day of receipt"
                    + " if that is a working day and receipt is at or before 17:30 Asia/Shanghai, else the next"
                    + " working day; it is not counted; the limit ends at 17:30 of the N-th working day after it,"
                    + " for N = 0 on the acceptance day itself")
    public DeadlineView deadline(
            @Parameter(description = "收件时间，须带时区偏移 / receipt time, ISO-8601 with offset",
                    example = "2023-01-20T10:00:00+08:00", required = true,
                    schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "时限（工作日，0–" + RequestValues.MAX_WORKING_DAYS + "） / limit in working days",
                    example = "3", required = true,
                    schema = @Schema(type = "integer", minimum = "0", maximum = "3650"))
            @RequestParam(name = "workingDays", required = false) String workingDays) {
        List<FieldProblem> problems = new ArrayList<>();
        OffsetDateTime receivedAt = RequestValues.dateTime("from", from, problems).orElse(null);
        Integer limit = RequestValues.count("workingDays", workingDays, RequestValues.MAX_WORKING_DAYS, problems)
                .orElse(null);
        RequestValues.check(problems);
        return DeadlineView.of(calendars.current().deadline(receivedAt, limit));
    }

    @GetMapping(path = "/arrangements", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "按年份排列 / by year")
    @Operation(summary = "已载入的节假日安排 / Holiday arrangements in force",
            description = "每个安排年份一项：来源为随程序发布（SEED）或管理员上传（UPLOADED） / One entry per arrangement"
                    + " year, shipped with the application (SEED) or uploaded by an administrator (UPLOADED)")
    public List<LoadedArrangement> arrangements() {
        return calendars.arrangements();
    }

    @GetMapping("/arrangements/{year}")
    @ApiResponse(responseCode = "200", description = "安排文件 / the arrangement file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    @Operation(summary = "下载某年的节假日安排 / Download one year's arrangement",
            description = "与上传相同的文件格式 / in the same file format as the upload")
    @ApiResponse(responseCode = "404", description = "该年份未载入 / the year is not loaded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<String> arrangement(@Parameter(example = "2023", schema = @Schema(type = "integer"))
                                              @PathVariable("year") String year) {
        List<FieldProblem> problems = new ArrayList<>();
        int arrangementYear = RequestValues.year("year", year, problems).orElse(0);
        RequestValues.check(problems);
        HolidayArrangement arrangement = calendars.current().arrangement(arrangementYear)
                .orElseThrow(() -> notLoaded(arrangementYear));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(arrangement.toJson());
    }

    private static ErrorResponseException notLoaded(int year) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                year + " 年的节假日安排未载入 / no holiday arrangement is loaded for " + year);
        problem.setTitle("未载入 / Not loaded");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
