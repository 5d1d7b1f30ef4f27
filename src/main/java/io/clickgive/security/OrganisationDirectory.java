package io.clickgive.security;

/**
 * The organisations a user may act for, as the feature that owns them knows them (distribution's distributors): users
 * are bound to one by its id, and speak of it by its code. Implemented there, so security depends on no feature.
 */
public interface OrganisationDirectory {

    /** The id of the organisation with this code; a 404 problem when there is none. */
    long require(String code);

    /** The code of the organisation with this id. */
    String codeOf(long id);
}
