package dev.mechanics.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditMaskingTest {

  @Test
  void personalDataIsMaskedAndTheRestKeptAsCanonicalJson() {
    Map<String, Object> state = new HashMap<>();
    state.put("email", "maria.garcia@example.com");
    state.put("phone", "+1 312 555 0141");
    state.put("address", "1 Main St");
    state.put("firstName", "Maria");
    state.put("laborRate", "145.00");
    state.put("note", "quote \" and \\ and \n");
    state.put("gone", null);
    String json = AuditTrail.masked(state);
    assertThat(json).isEqualTo("{\"address\":\"***\",\"email\":\"m***@example.com\",\"firstName\":\"M***\","
        + "\"gone\":null,\"laborRate\":\"145.00\",\"note\":\"quote \\\" and \\\\ and \\n\",\"phone\":\"***41\"}");
    assertThat(AuditTrail.masked(null)).isNull();
  }
}
