package dev.mechanics.platform.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void parsesTheHerokuStyleUrlWithSslMode() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://app:s%40cret@db.example.com:6432/mechanics?sslmode=require");
    assertThat(url.host()).isEqualTo("db.example.com");
    assertThat(url.port()).isEqualTo(6432);
    assertThat(url.database()).isEqualTo("mechanics");
    assertThat(url.user()).isEqualTo("app");
    assertThat(url.password()).isEqualTo("s@cret");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6432/mechanics?sslmode=require");
  }

  @Test
  void acceptsJdbcFormWithCredentialsInTheQuery() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1/test?user=postgres&password=x");
    assertThat(url.port()).isEqualTo(5432);
    assertThat(url.user()).isEqualTo("postgres");
    assertThat(url.password()).isEqualTo("x");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
  }

  @Test
  void invalidValuesNameTheVariableButNeverEchoThePassword() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:topsecret@h/db"))
        .hasMessageContaining("DATABASE_URL").hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:topsecret@h"))
        .hasMessageContaining("DATABASE_URL").hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> DatabaseUrl.parse("${DATABASE_URL}")).hasMessageContaining("not set");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@ho st/db")).hasMessageContaining("DATABASE_URL");
  }

  @Test
  void toStringHidesThePassword() {
    assertThat(DatabaseUrl.parse("postgresql://u:topsecret@h/db").toString()).doesNotContain("topsecret");
  }
}
