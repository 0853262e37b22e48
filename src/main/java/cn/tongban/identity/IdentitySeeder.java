package cn.tongban.identity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * Brings our identity tables up to the seed files: the districts of the service catalogue, a group per role and per district office,
 * the initial administrator when one is configured, and — only when demo data is wanted — the demo users.
 * Running it again changes nothing.
 */
class IdentitySeeder {

    static final String DEMO_USERS = "seeds/identity/demo-users.json";

    private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);

    record DemoUser(String username, String password, String displayName, String email, String phone,
                    Role role, String district, List<String> groups) {
    }

    record DemoUsersFile(String comment, List<DemoUser> users) {
    }

    /** The first administrator of a production system, which has no demo users ({@code username} may be blank). */
    record InitialAdmin(String username, String password) {

        static final String DISPLAY_NAME = "系统管理员";

        boolean wanted() {
            return username != null && !username.isBlank();
        }
    }

    private final IdentityRepository repository;
    private final UserDirectory directory;
    private final List<District> districts;
    private final ObjectMapper json;
    private final boolean demoData;
    private final InitialAdmin initialAdmin;

    IdentitySeeder(IdentityRepository repository, UserDirectory directory, List<District> districts,
                   ObjectMapper json, boolean demoData, InitialAdmin initialAdmin) {
        this.repository = repository;
        this.directory = directory;
        this.districts = List.copyOf(districts);
        // a misspelt key in a seed file must fail the start, not be dropped
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.demoData = demoData;
        this.initialAdmin = initialAdmin;
    }

    void seed() {
        districts.forEach(repository::saveDistrict);
        for (Role role : Role.values()) {
            createGroupIfAbsent(role.groupId(), role.groupName(), null);
        }
        for (District district : districts) {
            for (DistrictGroup office : DistrictGroup.values()) {
                createGroupIfAbsent(office.groupId(district.code()), office.groupName(district), district.code());
            }
        }
        if (initialAdmin.wanted() && directory.findUser(initialAdmin.username()).isEmpty()) {
            if (initialAdmin.password() == null || initialAdmin.password().isBlank()) {
                throw new IllegalStateException("tongban.identity.initial-admin.password is required with the username");
            }
            directory.createUser(new NewUser(initialAdmin.username(), InitialAdmin.DISPLAY_NAME, null, null,
                    Role.ADMIN, null, List.of()), initialAdmin.password());
            log.info("Initial administrator {} created", initialAdmin.username());
        }
        if (demoData) {
            int created = 0;
            for (DemoUser demo : read(DEMO_USERS, DemoUsersFile.class).users()) {
                if (directory.findUser(demo.username()).isEmpty()) {
                    directory.createUser(new NewUser(demo.username(), demo.displayName(), demo.email(), demo.phone(),
                            demo.role(), demo.district(), demo.groups()), demo.password());
                    created++;
                }
            }
            log.info("Demo users: {} created", created);
        }
    }

    private void createGroupIfAbsent(String id, String name, String districtCode) {
        if (directory.findGroup(id).isEmpty()) {
            directory.createGroup(id, name, districtCode);
        }
    }

    private <T> T read(String path, Class<T> type) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed file " + path, e);
        }
    }
}
