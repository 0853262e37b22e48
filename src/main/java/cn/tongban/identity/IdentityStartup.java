package cn.tongban.identity;

import cn.tongban.catalog.Districts;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up: seed districts, groups, the initial administrator (if {@code tongban.identity.initial-admin.*}
 * is set) and the demo users (if {@code tongban.demo-data}), then bring Camunda's identity and base
 * authorizations in step. One transaction under a row lock, so nodes starting together take turns.
 * Runs before other start-up work, which may need the users.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityStartup implements ApplicationRunner {

    private final IdentityRepository repository;
    private final CamundaIdentityMirror mirror;
    private final TransactionTemplate transaction;
    private final IdentitySeeder seeder;

    IdentityStartup(IdentityRepository repository, UserDirectory directory, CamundaIdentityMirror mirror,
                    Districts districts, ObjectMapper json, TransactionTemplate transaction,
                    @Value("${tongban.demo-data:false}") boolean demoData,
                    @Value("${tongban.identity.initial-admin.username:}") String initialAdminUsername,
                    @Value("${tongban.identity.initial-admin.password:}") String initialAdminPassword) {
        this.repository = repository;
        this.mirror = mirror;
        this.transaction = transaction;
        this.seeder = new IdentitySeeder(repository, directory, districts.all().stream()
                .map(d -> new District(d.code(), d.names().zh(), d.names().en())).toList(), json, demoData,
                new IdentitySeeder.InitialAdmin(initialAdminUsername, initialAdminPassword));
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            repository.lockForSync();
            seeder.seed();
            mirror.mirrorAll(repository.groups(), repository.users(), repository::groupIdsOf);
            mirror.grantBaseAuthorizations();
        });
    }
}
