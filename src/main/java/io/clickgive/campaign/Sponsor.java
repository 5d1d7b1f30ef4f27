package io.clickgive.campaign;

/**
 * A campaign's sponsor: its name, logo and link (https), and its purse, the most megabytes it gives for the campaign's
 * clicks (null: it gives as much as is clicked).
 */
public record Sponsor(String name, String logo, String link, Long purseMegabytes) {
}
