package dev.mechanics.platform.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a String column encrypted ({@link PersonalDataCipher}); use with {@code @Convert}. */
@Converter
public class EncryptedString implements AttributeConverter<String, String> {

  @Override
  public String convertToDatabaseColumn(String attribute) {
    return PersonalDataCipher.encrypt(attribute);
  }

  @Override
  public String convertToEntityAttribute(String column) {
    return PersonalDataCipher.decrypt(column);
  }
}
