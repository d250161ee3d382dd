package harvest.system.era;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date or time within the years a harvest service can mean ({@link ServiceEra}). Java's own range runs to year
 * one billion, where the database and the arithmetic of durations overflow; a client's typo should be named instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
public @interface InServiceEra {
    String message() default "must be between " + ServiceEra.FIRST_YEAR + " and " + ServiceEra.LAST_YEAR;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
