package cn.tongban.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One signed-in user of the application over real HTTP, as the portal and the workbench pages do it: signs in
 * through the login form once, then sends the session cookie and the CSRF token with each call, so a request
 * pays no password hashing.
 */
final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;
    private String csrf;

    private WebSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static WebSession signIn(int port, String username, String password) {
        WebSession session = new WebSession("http://localhost:" + port);
        String loginPage = session.get("/login").body();
        String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(token(loginPage));
        HttpResponse<String> login = session.send(session.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + login.statusCode());
        }
        session.csrf = token(session.get("/").body());
        return session;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", "application/json, text/html").GET());
    }

    /** A GET that gives up after {@code timeout}: empty then. */
    java.util.Optional<HttpResponse<String>> get(String path, java.time.Duration timeout) {
        try {
            return java.util.Optional.of(client.send(request(path).header("Accept", "application/json")
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (java.net.http.HttpTimeoutException tooSlow) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** The response, which must have the given status. */
    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return response;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 600 ? text : text.substring(0, 600) + "…";
    }
}
