package io.clickgive.session;

/** What grant.lua answers: granted (and whether the player is established), or refused with a reason and a wait. */
record GrantAnswer(boolean granted, Boolean established, String reason, Long waitMs) {
}
