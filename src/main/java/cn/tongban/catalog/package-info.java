/**
 * Service catalogue (服务目录): the services with their commitments, steps, step limits and
 * required materials; the districts and their township offices; policy figures and rule periods
 * with effective dates. All of it is seed data under {@code seeds/catalog/}, read and checked at
 * start-up; a broken file stops the application with the file and line named.
 *
 * <p>This module depends on no other module of the application.
 */
package cn.tongban.catalog;
