package dev.mechanics.tenancy;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

/** An ISO 4217 currency the JDK knows (USD, EUR, CAD, ...). */
@Constraint(validatedBy = CurrencyCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrencyCode {
  String message() default "is not a known ISO 4217 currency";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<CurrencyCode, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || !value.matches("[A-Z]{3}")) {
        return true; // @NotBlank and @Pattern report those
      }
      try {
        Currency.getInstance(value);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
  }
}
