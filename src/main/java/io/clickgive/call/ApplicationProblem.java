package io.clickgive.call;

/**
 * One thing wrong with an application: the field, what is wrong ({@code code}: the public page says it in the
 * applicant's language from {@code problem.<code>}), and the number the rule holds it to, if any.
 */
public record ApplicationProblem(String field, Code code, Long limit) {

    public enum Code {
        REQUIRED("is required"),
        TOO_LONG("is too long: at most {limit} characters"),
        OUT_OF_RANGE("must be a whole number from 0 to {limit}"),
        TOO_FEW_PEOPLE("must be at least {limit}: the call is for organisations serving that many people"),
        KIND_NOT_IN_CALL("is not one of the kinds this call is for"),
        REGION_NOT_IN_CALL("is not one of the regions this call is for"),
        UNKNOWN_REGION("is not one of Morocco's 12 regions (MA-01 to MA-12)"),
        NOTHING_ASKED("ask for tablets, data for a site, or both"),
        DATA_FOR_SITES("data without tablets goes to a village site's router: only a connectivity site asks for it"),
        PHONE("must be a phone number: digits, spaces, '+', '(', ')' and '-'"),
        EMAIL("must be an e-mail address"),
        ANSWERS("must answer each of the call's {limit} questions"),
        DEADLINE("the call closed at its deadline"),
        SURVEY("a village site says whether it is on the electricity grid and what is there");

        private final String english;

        Code(String english) {
            this.english = english;
        }
    }

    static ApplicationProblem of(String field, Code code) {
        return new ApplicationProblem(field, code, null);
    }

    static ApplicationProblem of(String field, Code code, long limit) {
        return new ApplicationProblem(field, code, limit);
    }

    /** The problem in English, as the API's 400 lists it: "peopleServed: must be at least 50…". */
    public String english() {
        return field + ": " + code.english.replace("{limit}", String.valueOf(limit));
    }
}
