package cn.tongban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Tongban (通办): civil-affairs services run end to end on BPMN.
 * Each direct sub-package is an application module; see ARCHITECTURE in the README.
 */
@SpringBootApplication
public class TongbanApplication {

    public static void main(String[] args) {
        SpringApplication.run(TongbanApplication.class, args);
    }
}
