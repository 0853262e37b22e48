package cn.tongban.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in (form and HTTP Basic) with a brake on guessing: after {@code max-failures} wrong passwords for
 * one user name from one client address within {@code window}, that pair is refused — right password or not — until
 * the oldest failure leaves the window. Failures are rows in {@code login_failure}, so every node counts the same.
 */
@Component
class LoginThrottle implements AuthenticationProvider {

    private static final int USERNAME_LENGTH = 64;

    private final DaoAuthenticationProvider passwords;
    private final JdbcClient jdbc;
    private final int maxFailures;
    private final Duration window;

    LoginThrottle(UserDetailsService users, PasswordEncoder encoder, JdbcClient jdbc,
                  @Value("${tongban.login.max-failures:5}") int maxFailures,
                  @Value("${tongban.login.window:PT15M}") Duration window) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        // longer names are no user's, but are counted all the same, under the part the column holds
        String name = String.valueOf(authentication.getName());
        String username = name.length() > USERNAME_LENGTH ? name.substring(0, USERNAME_LENGTH) : name;
        String client = clientAddress(authentication);
        Instant now = Instant.now();
        if (recentFailures(username, client, now) >= maxFailures) {
            throw new LockedException("too many failed sign-ins for " + username);
        }
        try {
            Authentication signedIn = passwords.authenticate(authentication);
            jdbc.sql("DELETE FROM login_failure WHERE username = ? AND client_ip = ?")
                    .params(username, client).update();
            return signedIn;
        } catch (BadCredentialsException wrong) {
            jdbc.sql("INSERT INTO login_failure (username, client_ip, failed_at) VALUES (?, ?, ?)")
                    .params(username, client, at(now)).update();
            // old rows only slow the count down; whoever fails next clears the ones out of every window
            jdbc.sql("DELETE FROM login_failure WHERE failed_at < ?").params(at(now.minus(window))).update();
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private int recentFailures(String username, String client, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE username = ? AND client_ip = ? AND failed_at > ?")
                .params(username, client, at(now.minus(window)))
                .query(Integer.class).single();
    }

    private static String clientAddress(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
