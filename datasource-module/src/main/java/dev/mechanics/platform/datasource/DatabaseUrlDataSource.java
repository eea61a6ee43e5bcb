package dev.mechanics.platform.datasource;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL DataSource configured from one {@code databaseUrl} property, so that server.xml can pass
 * {@code DATABASE_URL} through unchanged ({@code <properties databaseUrl="${DATABASE_URL}"/>}).
 *
 * <p>Liberty does not call the setter for an empty value, and the driver's defaults would then quietly
 * connect to a local database named after the OS user: connections are refused until a URL was given.
 */
public class DatabaseUrlDataSource extends PGSimpleDataSource {

  private static final long serialVersionUID = 1L;

  private String problem = DatabaseUrl.VARIABLE + " is not set: expected postgresql://user:password@host:5432/database";

  public void setDatabaseUrl(String value) {
    try {
      DatabaseUrl url = DatabaseUrl.parse(value);
      setURL(url.jdbcUrl());
      if (url.user() != null) {
        setUser(url.user());
      }
      if (url.password() != null) {
        setPassword(url.password());
      }
      problem = null;
    } catch (IllegalArgumentException e) {
      problem = e.getMessage();
      throw e;
    }
  }

  public String getDatabaseUrl() {
    return getURL();
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    if (problem != null) {
      throw new SQLException(problem, "08001");
    }
    return super.getConnection(user, password);
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (problem != null) {
      throw new SQLException(problem, "08001");
    }
    return super.getConnection();
  }
}
