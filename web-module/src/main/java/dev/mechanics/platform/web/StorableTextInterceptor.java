package dev.mechanics.platform.web;

import dev.mechanics.platform.DomainException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Refuses, with 400, bodies that could not be stored and read back exactly: bytes that are not UTF-8, and
 * strings holding NUL or an unpaired surrogate (PostgreSQL cannot store the first, UTF-8 cannot encode the
 * second, so either would be silently altered or fail deep in the database).
 */
@Provider
public class StorableTextInterceptor implements ReaderInterceptor {

  private static final int MAX_DEPTH = 16;

  /**
   * Resolved once: {@code Json.createParser} looks the provider up through the ServiceLoader on every call, which
   * was 8 % of a customer create's CPU (issue 12).
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
    MediaType media = context.getMediaType();
    if (media != null && !media.getSubtype().toLowerCase().contains("json") && !"text".equalsIgnoreCase(media.getType())) {
      // binary uploads (photos, PDFs) stream through untouched: they are content-sniffed by their own resource
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new DomainException.Malformed("body", "The body is not valid UTF-8");
    }
    if (body.length > 0 && context.getMediaType() != null
        && context.getMediaType().getSubtype().toLowerCase().contains("json")) {
      requireOneJsonDocument(text, context.getType());
    }
    context.setInputStream(new ByteArrayInputStream(body));
    Object entity = context.proceed();
    check(entity, "body", 0);
    return entity;
  }

  /**
   * JSON-B is lenient (it ignores text after the document and reads an array into a record); the API is not:
   * exactly one JSON document, and an object where the endpoint expects one.
   */
  private static void requireOneJsonDocument(String body, Class<?> type) {
    JsonValue value;
    try (JsonParser parser = JSON.createParser(new StringReader(body))) {
      parser.next();
      value = parser.getValue();
      if (parser.hasNext()) {
        throw new DomainException.Malformed("body", "The body holds more than one JSON document");
      }
    } catch (DomainException.Malformed | JsonParsingException e) {
      throw e; // the problem mapper answers 400 "Malformed JSON" with the line and column
    } catch (RuntimeException | StackOverflowError e) {
      // nesting deeper than the parser allows (1,000 levels), a body too short to detect its encoding
      throw new JsonParsingException("The body is not valid JSON", e, null);
    }
    boolean wantsObject = type.isRecord() || !(Collection.class.isAssignableFrom(type) || type.isArray()
        || type == String.class || Number.class.isAssignableFrom(type) || type == Object.class);
    if (wantsObject && value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new DomainException.Malformed("body", "The body must be a JSON object");
    }
  }

  private static void check(Object value, String field, int depth) {
    if (value == null || depth > MAX_DEPTH) {
      return;
    }
    if (value instanceof String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean unpaired = Character.isHighSurrogate(c)
            ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
            : Character.isLowSurrogate(c);
        if (c == 0 || unpaired) {
          throw new DomainException.Malformed(field, field + " contains a character that cannot be stored (NUL or an "
              + "unpaired surrogate)");
        }
      }
    } else if (value instanceof Collection<?> items) {
      items.forEach(item -> check(item, field, depth + 1));
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        check(k, field, depth + 1);
        check(v, field, depth + 1);
      });
    } else if (value.getClass().isRecord()) {
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        Object part;
        try {
          var accessor = component.getAccessor();
          accessor.setAccessible(true);
          part = accessor.invoke(value);
        } catch (ReflectiveOperationException | RuntimeException e) {
          continue; // a component we cannot read is not a string a client sent
        }
        check(part, component.getName(), depth + 1);
      }
    }
  }
}
