package cn.tongban.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare Camunda Spring Boot application: the engine, its webapps and REST API, and nothing of Tongban. */
@SpringBootApplication
public class BareEngineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareEngineApplication.class, args);
    }
}
