package io.clickgive;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Debian's headless Chromium through its chromedriver (Selenium; no browser download), for the browser tests: start,
 * wait for an element, cut the network, take a screenshot into target/screenshots/.
 */
public final class Browser {

    public static final Path SHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    public static ChromeDriver open(String... arguments) {
        try {
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        // No background traffic: this machine's network is closed, and Chromium would knock at it at every start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run");
        options.addArguments(arguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    public static WebElement await(ChromeDriver browser, By what, int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds))
                .until(ExpectedConditions.presenceOfElementLocated(what));
    }

    /**
     * An element's text on a page that reloads itself (the dashboard refreshes every few seconds): read again when
     * the element went away between finding and reading it.
     */
    public static String text(ChromeDriver browser, By what, int seconds) {
        return textUntil(browser, what, seconds, text -> true);
    }

    /**
     * Waits until the element's text passes the test, reading it again when the page replaced the element between
     * finding and reading it: Chromium reports that either as a stale element or as an inspector error ("Node with
     * given id does not belong to the document"), both only a race with the page's own reload.
     */
    public static String textUntil(ChromeDriver browser, By what, int seconds,
            java.util.function.Predicate<String> wanted) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> {
                    String text = d.findElement(what).getText();
                    return wanted.test(text) ? text : null;
                });
    }

    /** The page's network (not the service worker's) cut or back. */
    public static void offline(ChromeDriver browser, boolean down) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(down);
        browser.setNetworkConditions(conditions);
    }

    public static void shoot(ChromeDriver browser, String name) {
        try {
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Taps like a person (every 110–260 ms, never evenly) until the round is over or the time is up; answers the taps the page recorded. */
    public static int tapFor(ChromeDriver browser, Duration limit, java.util.function.IntConsumer during)
            throws InterruptedException {
        long start = System.nanoTime();
        org.openqa.selenium.interactions.Actions actions = new org.openqa.selenium.interactions.Actions(browser);
        while (java.time.Duration.ofNanos(System.nanoTime() - start).compareTo(limit) < 0) {
            try {
                var buttons = browser.findElements(By.cssSelector("#tap:not(.waiting)"));
                if (!buttons.isEmpty()) {
                    if ("false".equals(buttons.get(0).getAttribute("aria-disabled"))) {
                        actions.click(buttons.get(0)).perform();
                    }
                } else if (browser.findElements(By.id("tap")).isEmpty()) {
                    break;                                 // the round is over
                }
            } catch (org.openqa.selenium.StaleElementReferenceException roundJustEnded) {
                break;                                     // the button went away between finding and tapping it
            }
            if (during != null) {
                during.accept((int) java.time.Duration.ofNanos(System.nanoTime() - start).toMillis());
            }
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(110, 260));
        }
        await(browser, By.cssSelector(".result-mb"), 25);
        return Integer.parseInt(browser.findElement(By.cssSelector(".result-mb")).getAttribute("data-taps"));
    }
}
