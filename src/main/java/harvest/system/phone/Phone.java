package harvest.system.phone;

import jakarta.validation.Constraint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A phone number that libphonenumber accepts as valid (national numbers read as Chinese). */
@Documented
@Constraint(validatedBy = {})
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
public @interface Phone {
    String message() default "must be a valid phone number, e.g. +8613812345678";

    Class<?>[] groups() default {};

    Class<?>[] payload() default {};
}
