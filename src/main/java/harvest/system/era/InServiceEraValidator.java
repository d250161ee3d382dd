package harvest.system.era;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.time.temporal.TemporalAccessor;

@Singleton
class InServiceEraValidator implements ConstraintValidator<InServiceEra, TemporalAccessor> {
    @Override
    public boolean isValid(TemporalAccessor value, AnnotationValue<InServiceEra> annotation, ConstraintValidatorContext context) {
        return value == null || ServiceEra.contains(value);
    }
}
