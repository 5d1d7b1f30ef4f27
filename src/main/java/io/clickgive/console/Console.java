package io.clickgive.console;

import io.clickgive.web.ClientError;
import io.clickgive.web.ProblemMapper;
import io.clickgive.page.PageTexts;
import io.clickgive.security.User;
import io.clickgive.security.UserService;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the console's pages share: the page view for the signed-in user, role checks, the CSRF check of form posts,
 * validation of what a form built, and the redirect after a post.
 */
@ApplicationScoped
public class Console {

    private final ConsoleTexts texts;
    private final UserService users;
    private final Csrf csrf;
    private final Validator validator;

    public Console(ConsoleTexts texts, UserService users, Csrf csrf, Validator validator) {
        this.texts = texts;
        this.users = users;
        this.csrf = csrf;
        this.validator = validator;
    }

    public ConsoleView view(String requested, SecurityContext security) {
        String lang = PageTexts.choose(requested, null);
        String user = security == null || security.getUserPrincipal() == null ? null
                : security.getUserPrincipal().getName();
        String role = user == null ? null : security.isUserInRole(User.ADMIN) ? User.ADMIN
                : security.isUserInRole(User.MANAGER) ? User.MANAGER : User.DISTRIBUTOR;
        return new ConsoleView(lang, lang.equals("ar") ? "rtl" : "ltr", texts.of(lang), user, role,
                user == null ? null : csrf.token(user));
    }

    /** The signed-in distributor's organisation; anyone else is refused. */
    public String organisation(SecurityContext security) {
        if (!security.isUserInRole(User.DISTRIBUTOR)) {
            throw ClientError.forbidden("This page is for distributors");
        }
        return users.organisationOf(security.getUserPrincipal().getName())
                .orElseThrow(() -> ClientError.forbidden("This page is for distributors"));
    }

    /** Checks a form post's token; answers the user who posted it. */
    public String poster(SecurityContext security, String token) {
        String user = security.getUserPrincipal().getName();
        csrf.check(user, token);
        return user;
    }

    /** Validates what a form built as the API would validate its JSON body. */
    public <T> T valid(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    /**
     * Runs a form's action. A refusal — the service's, or the form's own validation — shows the form's page again with
     * each problem, at the status the API gives the same refusal; nothing was changed.
     */
    public static Response submit(Supplier<Response> action, Function<List<String>, TemplateInstance> pageWithProblems) {
        try {
            return action.get();
        } catch (ClientError | ConstraintViolationException refused) {
            int status = refused instanceof ClientError error ? error.status() : 400;
            return Response.status(status).entity(pageWithProblems.apply(problems(refused))).build();
        }
    }

    /** What a refused form post tells its user, one line per problem. */
    private static List<String> problems(RuntimeException refusal) {
        if (refusal instanceof ConstraintViolationException invalid) {
            return invalid.getConstraintViolations().stream().map(ProblemMapper::violation).sorted().toList();
        }
        if (refusal instanceof ClientError error && error.problems() != null && !error.problems().isEmpty()) {
            return Stream.concat(Stream.of(error.getMessage()), error.problems().stream()).toList();
        }
        return List.of(refusal.getMessage());
    }

    /** A form's number field: blank is none; anything but a whole number is refused (400), naming the field. */
    public static Integer whole(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ClientError.badRequest(field + ": a whole number, not '" + value.strip() + "'");
        }
    }

    /** A form's text field: blank is none, the rest without surrounding spaces. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The values of a repeated field (checkboxes), none when nothing was ticked. */
    public static List<String> listed(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    /** Post, redirect, get: reloading the page after a post does not post the form again. */
    public static Response seeOther(String path, String lang, Map<String, Object> query) {
        UriBuilder uri = UriBuilder.fromPath(path).queryParam("lang", PageTexts.choose(lang, null));
        query.forEach(uri::queryParam);
        return Response.seeOther(uri.build()).build();
    }
}
