package harvest.system.phone;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

@Singleton
public class PhoneValidator implements ConstraintValidator<Phone, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, AnnotationValue<Phone> annotation, ConstraintValidatorContext context) {
        return value == null || PhoneNumbers.isValid(value.toString());
    }
}
