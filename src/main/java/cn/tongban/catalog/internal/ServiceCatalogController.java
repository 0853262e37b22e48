package cn.tongban.catalog.internal;

import cn.tongban.catalog.Service;
import cn.tongban.catalog.ServiceCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public service guide: what each service needs and how long it takes. */
@RestController
@RequestMapping("/api/services")
@Tag(name = "服务目录 Service catalogue", description = "办事指南：承诺时限、环节时限、所需材料 / "
        + "Service guide: commitments, step limits, required materials")
class ServiceCatalogController {

    private final ServiceCatalog catalog;

    ServiceCatalogController(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "服务目录 / The service catalogue",
            description = "全部服务，中英文名称 / Every service, with Chinese and English names")
    List<Service> all() {
        return catalog.all();
    }

    @GetMapping("/{code}")
    @Operation(summary = "单项服务 / One service",
            description = "按服务编码（即流程标识）查询 / By service code, which is the process key")
    @ApiResponse(responseCode = "200", description = "该服务 / The service")
    @ApiResponse(responseCode = "404", description = "无此服务 / No such service",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    Service one(@Parameter(description = "服务编码 / Service code", example = "minimum-living-allowance")
                @PathVariable String code) {
        return catalog.find(code).orElseThrow(() -> notFound(code));
    }

    private static ErrorResponseException notFound(String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No service with code '" + code + "'");
        problem.setTitle("Service not found");
        problem.setType(URI.create("urn:tongban:problem:service-not-found"));
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
