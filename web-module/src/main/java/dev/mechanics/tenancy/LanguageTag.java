package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Languages;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A language documents and mails are written in: en, en-US, es, es-MX ... ({@link Languages}). */
@Constraint(validatedBy = LanguageTag.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageTag {
  String message() default "must be a language tag such as en, en-US, es or es-MX (documents are written in en "
      + "and es)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<LanguageTag, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        return true;
      }
      try {
        Languages.check("language", value);
        return true;
      } catch (DomainException.InvalidInput e) {
        return false;
      }
    }
  }
}
