package io.clickgive.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Every clickgive setting, one group per concern; documented in the README's configuration table. */
@ConfigMapping(prefix = "clickgive")
public interface ClickgiveConfig {

    Tokens tokens();

    Privacy privacy();

    Counters counters();

    Ledger ledger();

    Catalog catalog();

    Guard guard();

    Totals totals();

    Report report();

    Security security();

    Identity identity();

    Calls calls();

    SiteBundles siteBundles();

    Demo demo();

    interface Tokens {
        /** HMAC-SHA256 key that signs session tokens; shared by all replicas. */
        String key();

        /**
         * The key in use before the last rotation: tokens it signed are still accepted. Set it to the old key when
         * rotating, and remove it once the longest token has expired (session length + grace + retention).
         */
        java.util.Optional<String> previousKey();
    }

    interface Privacy {
        /** Key of the keyed hashes that stand in for players and networks; raw addresses are never stored. */
        String key();
    }

    interface Counters {
        /** Counter shards per campaign: each is its own Redis hash slot, so one hot campaign spreads over a cluster. */
        @WithDefault("8")
        int shards();

        /** The 3-2-1 shown before a session: startsAt lies this far after the grant. */
        @WithDefault("3s")
        Duration countdown();

        /** Late batches (weak networks) are still counted this long after a session's end. */
        @WithDefault("5s")
        Duration grace();

        /**
         * A session's state, and so the replay answers of its batches, is kept this long after its grace: the page
         * sends its last try a second before the grace ends (the grant's acceptsUntil), so this only covers a request
         * still on its way. Every second of it costs every session's hash in Redis: with 5 s, Redis holds about 1.8
         * sessions for each one in play (13 s in play, 5 s grace, 5 s retention). A batch arriving later is answered
         * 410; its clicks, if it had been answered before, are in the ledger all the same.
         */
        @WithDefault("5s")
        Duration retention();
    }

    interface Ledger {
        /** Stream entries moved to PostgreSQL per read. */
        @WithDefault("500")
        int batchSize();

        /** Pause between two passes over the streams when they were empty. */
        @WithDefault("200ms")
        Duration poll();

        /** Entries another consumer has held this long are taken over: that consumer is presumed dead. */
        @WithDefault("30s")
        Duration claimIdle();

        /**
         * An entry that could not be recorded this many times (unreadable, or refused by PostgreSQL) moves to its
         * shard's dead-letter stream, so that it no longer comes back; the others never wait for it.
         */
        @WithDefault("5")
        int maxDeliveries();

        /**
         * When the batches waiting in every ledger stream together pass this many (PostgreSQL down or slow for long),
         * new sessions are refused with 503 and Retry-After until they are back under 80 % of it; rounds already
         * granted keep counting. Sized well under Redis' maxmemory (a waiting batch takes about 400 bytes).
         */
        @WithDefault("1000000")
        long shedBacklog();

        /** How often each instance checks that Redis still holds its data (a marker), and reconciles if it lost it. */
        @WithDefault("30s")
        Duration redisWatch();

        /** Consumer name in the ledger group; must be unique per running instance. Empty means host name plus a random suffix. */
        @WithDefault("")
        java.util.Optional<String> consumer();
    }

    interface Guard {
        /** Our own proxies and load balancers (CIDR blocks); X-Forwarded-For is believed only through them. */
        @WithDefault("127.0.0.1/32,::1/128")
        java.util.List<String> trustedProxies();

        /** How long a proof-of-work challenge may be solved and used. Thresholds are per campaign (GuardSettings). */
        @WithDefault("2m")
        Duration powTtl();

        /** An IPv4 client's network: its address (/32). */
        @WithDefault("32")
        int ipv4Prefix();

        /** The wider IPv4 prefix whose networks share an aggregate limit (a provider's /24). */
        @WithDefault("24")
        int ipv4WidePrefix();

        /** An IPv6 client's network: the /64 a subscriber gets, so rotating addresses inside it is still one network. */
        @WithDefault("64")
        int ipv6Prefix();

        /** The wider IPv6 prefix whose networks share an aggregate limit (a site's /48). */
        @WithDefault("48")
        int ipv6WidePrefix();

        /**
         * A player's own calls (its teams, its impact: a PostgreSQL query or two each) a minute, per instance. A page
         * load makes two; past this, a 429 with Retry-After and no query.
         */
        @WithDefault("30")
        int playerCallsPerMinute();
    }

    interface Identity {
        /**
         * The header an operator's gateway sets to vouch for the subscriber (header enrichment), e.g. X-Subscriber-Id;
         * believed only from trusted proxies, and kept only as a keyed hash. Empty: identities are minted.
         */
        java.util.Optional<String> header();

        /** Numbers to search in the first identity's puzzle of a network (half of them on average). */
        @WithDefault("20000")
        long base();

        /** The puzzle doubles for every this many identities the network minted recently. */
        @WithDefault("16")
        double step();

        /** … and for every this many its wide prefix minted recently. */
        @WithDefault("256")
        double wideStep();

        /** The hardest identity puzzle (what a phone behind a very busy address may be asked once per install). */
        @WithDefault("5000000")
        long max();

        /** How long a mint weighs on its network's count: the count decays as e^(−t / memory). */
        @WithDefault("1h")
        Duration mintMemory();
    }

    interface Catalog {
        /** How often each instance re-reads campaigns, so a change made on another replica takes effect. */
        @WithDefault("2s")
        Duration refresh();
    }

    interface Totals {
        /** Public totals are read from Redis at most this often per campaign and instance. */
        @WithDefault("250ms")
        Duration cache();

        /** Interval between two server-sent totals events. */
        @WithDefault("1s")
        Duration tick();
    }

    interface Report {
        /**
         * The public report of a campaign is built at most once this often per instance, however many read it (each
         * open report page polls it); readers meanwhile get the last one built.
         */
        @WithDefault("5s")
        Duration fresh();
    }

    interface Security {
        /** The first admin's user name, created at start-up when no admin exists yet. */
        @WithDefault("admin")
        String adminUsername();

        /** The first admin's password (CLICKGIVE_SECURITY_ADMIN_PASSWORD); no default: production sets it once. */
        java.util.Optional<String> adminPassword();

        /** bcrypt cost of new password hashes: 2^cost rounds (12 ≈ 0.25 s per check on this machine's cores). */
        @WithDefault("12")
        int bcryptCost();

        /**
         * Password checks one instance runs at once; a sign-in beyond them is refused at once (429, Retry-After), so a
         * flood of guesses costs at most this many cores' worth of bcrypt and never starves the click path.
         */
        @WithDefault("2")
        int maxConcurrentSignIns();

        /**
         * Refuse to start with an empty, short, placeholder or shared key, or a first admin password under 12
         * characters (crypto.SecretsCheck). Off in dev and test only, whose keys are throw-away.
         */
        @WithDefault("true")
        boolean requireStrongSecrets();

        /**
         * Mark the console's cookie Secure, so a browser never sends it over plain HTTP. On in production, which is
         * behind TLS; off in dev and test, which serve plain HTTP on localhost.
         */
        @WithDefault("true")
        boolean secureCookie();
    }

    interface Demo {
        /**
         * Load the demo (campaigns, beneficiaries, distributors and their users, tablets, requests, an allocation,
         * donations) at start-up, completing what is missing; on in dev mode only, and never built into production.
         */
        @WithDefault("false")
        boolean load();
    }

    interface Calls {
        /** Applications one organisation may have open (submitted or asked for more) at once, across every call. */
        @WithDefault("2")
        int maxOpen();

        /** How long an applicant's status link works after the application was submitted. */
        @WithDefault("365d")
        Duration linkValidity();

        /**
         * Numbers to search in a network's first application puzzle (half of them on average): about a second on a
         * phone, once a year for an organisation, and the whole price of an application from a network of its own.
         */
        @WithDefault("1000000")
        long base();

        /** The puzzle doubles for every this many applications the network sent recently. */
        @WithDefault("2")
        double step();

        /** … and for every this many its wide prefix sent recently. */
        @WithDefault("16")
        double wideStep();

        /** The hardest application puzzle. */
        @WithDefault("20000000")
        long max();

        /**
         * Applications a network may send within about a memory: its count (decaying as e^(−t / memory)) may not pass
         * this; a wide prefix's may not pass {@code wide-limit}. Beyond, a 429 says when to come back.
         */
        @WithDefault("6")
        double limit();

        @WithDefault("40")
        double wideLimit();

        @WithDefault("24h")
        Duration memory();
    }

    interface SiteBundles {
        /** How often this month's site bundles are issued (allocation.SiteBundleSchedule); "off" to stop it. */
        @WithDefault("1h")
        String every();
    }
}
