package io.clickgive.counters;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Sign-in attempts counted where every replica sees them (sign-in.lua): fixed windows per counter, all under the hash
 * tag {sign-in}. A counter stands for an address, an account, or an account on an address, always as keyed hashes.
 */
@ApplicationScoped
public class SignInCounters {

    /** One counter of an attempt and the failures it allows per window. */
    public record Counter(String key, int limit) {

        public static Counter address(String address, int limit) {
            return new Counter("cg:{sign-in}:a:" + address, limit);
        }

        public static Counter account(String account, int limit) {
            return new Counter("cg:{sign-in}:u:" + account, limit);
        }

        /** The counter a success clears: put it last. */
        public static Counter accountOnAddress(String account, String address, int limit) {
            return new Counter("cg:{sign-in}:p:" + account + ":" + address, limit);
        }
    }

    /** sign-in.lua's call and answer (its header documents them). */
    public record SignInCall(String mode, List<Integer> limits, long windowMs) {
    }

    public record SignInAnswer(long waitMs) {
    }

    private final Scripts scripts;
    private final Scripts.Script signIn;

    SignInCounters(Scripts scripts) {
        this.scripts = scripts;
        this.signIn = scripts.script("sign-in");
    }

    /** How long an attempt must wait: until the fullest counter's window ends; 0 when it may go on. */
    public Uni<Long> waitMs(List<Counter> counters, long windowMs) {
        return scripts.call(signIn, keys(counters), new SignInCall("check", counters.stream().map(Counter::limit).toList(),
                windowMs), SignInAnswer.class).map(SignInAnswer::waitMs);
    }

    /** Counts a failure on every counter, or (signed in) clears the last one. */
    public Uni<Void> outcome(List<Counter> counters, boolean failed, long windowMs) {
        return scripts.call(signIn, keys(counters), new SignInCall(failed ? "fail" : "succeed", List.of(), windowMs),
                SignInAnswer.class).replaceWithVoid();
    }

    private static List<String> keys(List<Counter> counters) {
        return counters.stream().map(Counter::key).toList();
    }
}
