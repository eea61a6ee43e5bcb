package dev.mechanics.platform;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way the product writes CSV (RFC 4180, UTF-8). Every cell is neutralised against formula injection
 * (OWASP "CSV injection"): a spreadsheet runs a cell that begins with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return as a formula, so such a cell gets a leading apostrophe and is shown as
 * text. A plain number ({@code -12.50}) is left alone: it is not a formula, and a discount must stay a number.
 * Shop, customer and technician names are free text typed by anyone with an account.
 */
public final class SpreadsheetSafeCsv implements Closeable {

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CSVPrinter printer;

  public SpreadsheetSafeCsv(String... header) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header).get();
    printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), format);
  }

  /** One row; null cells are written empty. */
  public void row(Object... cells) throws IOException {
    Object[] safe = new Object[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = neutralised(cells[i] == null ? "" : cells[i].toString());
    }
    printer.printRecord(safe);
  }

  /** The document written so far. */
  public byte[] toBytes() throws IOException {
    printer.flush();
    return bytes.toByteArray();
  }

  @Override
  public void close() throws IOException {
    printer.close();
  }

  /** The cell as a spreadsheet will show it as text, never run it. */
  public static String neutralised(String cell) {
    if (cell.isEmpty() || PLAIN_NUMBER.matcher(cell).matches()) {
      return cell;
    }
    char first = cell.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + cell : cell;
  }
}
