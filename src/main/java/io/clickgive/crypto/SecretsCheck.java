package io.clickgive.crypto;

import io.clickgive.common.ClickgiveConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses to start with a secret that protects nothing: empty, short, a placeholder, or one used for two things. A
 * replica that started with the example key would sign tokens anyone can forge and hash players anyone can reverse;
 * failing at start is the one moment someone is looking. On unless {@code clickgive.security.require-strong-secrets}
 * is false (dev and test, which carry throw-away keys).
 */
@jakarta.enterprise.context.ApplicationScoped
public class SecretsCheck {

    /** Bytes of a key: 32 characters at the least (the session key is hashed to AES-256's, the others HMAC-SHA256's). */
    static final int MIN_KEY = 32;

    /** The first admin's password: as long as the admin API asks of every other. */
    static final int MIN_PASSWORD = 12;

    /** Words found in examples and defaults, never in a key someone drew. */
    static final List<String> PLACEHOLDERS = List.of("change", "placeholder", "example", "dev-only", "test-only",
            "secret", "password", "xxxxxx", "replace", "todo", "default");

    /** The secrets of one start; a name says where it is set, never its value. */
    record Secret(String name, Optional<String> value, int minimum, boolean required) {
    }

    void onStart(@Observes @Priority(1) StartupEvent event, ClickgiveConfig config, Config raw) {
        if (!config.security().requireStrongSecrets()) {
            return;
        }
        List<String> problems = problems(List.of(
                new Secret("CLICKGIVE_TOKEN_KEY", Optional.of(config.tokens().key()), MIN_KEY, true),
                new Secret("CLICKGIVE_TOKENS_PREVIOUS_KEY", config.tokens().previousKey(), MIN_KEY, false),
                new Secret("CLICKGIVE_PRIVACY_KEY", Optional.of(config.privacy().key()), MIN_KEY, true),
                new Secret("CLICKGIVE_SESSION_KEY",
                        raw.getOptionalValue("quarkus.http.auth.session.encryption-key", String.class), MIN_KEY, true),
                new Secret("CLICKGIVE_SECURITY_ADMIN_PASSWORD", config.security().adminPassword(), MIN_PASSWORD,
                        false)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start with weak secrets: " + String.join("; ", problems));
        }
    }

    /** What is wrong with these secrets, one sentence each (empty: all good). */
    static List<String> problems(List<Secret> secrets) {
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Secret secret : secrets) {
            String value = secret.value().map(String::trim).orElse("");
            if (value.isEmpty()) {
                if (secret.required()) {
                    problems.add(secret.name() + " is not set");
                }
                continue;
            }
            if (value.length() < secret.minimum()) {
                problems.add(secret.name() + " has " + value.length() + " characters; at least " + secret.minimum());
            }
            String lower = value.toLowerCase(Locale.ROOT);
            PLACEHOLDERS.stream().filter(lower::contains).findFirst().ifPresent(word ->
                    problems.add(secret.name() + " looks like a placeholder (it contains \"" + word + "\")"));
            if (value.chars().distinct().count() < 8) {
                problems.add(secret.name() + " repeats too few characters (" + value.chars().distinct().count() + ")");
            }
            if (seen.contains(value)) {
                problems.add(secret.name() + " is the same as another secret: each needs its own");
            }
            seen.add(value);
        }
        return problems;
    }
}
