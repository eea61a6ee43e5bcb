package dev.mechanics.platform.documents;

import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.ResourceBundleModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The FreeMarker templates under {@code documents/templates}: {@code pdf/<kind>.ftlh} for each document kind and
 * {@code mail/<kind>.html.ftlh} + {@code mail/<kind>.txt.ftl} for each mail. {@code .ftlh} escapes every value
 * as HTML, so a customer named {@code <b>Bob</b>} or {@code =cmd|...} prints as exactly that text. Records are
 * read like beans ({@code shop.name}); the texts of the language are {@code t} ({@code ${t["invoice.title"]}},
 * {@code ${t("page.of", 1, 3)}}).
 */
public final class Templates {

  private static final Configuration FREEMARKER = configuration();

  private Templates() {
  }

  private static Configuration configuration() {
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setClassLoaderForTemplateLoading(Templates.class.getClassLoader(), "documents/templates");
    c.setDefaultEncoding("UTF-8");
    c.setRecognizeStandardFileExtensions(true);
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    c.setAPIBuiltinEnabled(false);
    c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    c.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    return c;
  }

  /** Renders {@code template} with {@code model}, the texts of {@code messages} as {@code t}. */
  public static String render(String template, Map<String, ?> model, Messages messages) {
    Map<String, Object> data = new HashMap<>(model);
    data.put("t", new ResourceBundleModel(messages.bundle(),
        (BeansWrapper) FREEMARKER.getObjectWrapper()));
    try {
      Template t = FREEMARKER.getTemplate(template, messages.locale());
      StringWriter out = new StringWriter(8192);
      t.process(data, out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("template " + template, e);
    } catch (TemplateException e) {
      throw new IllegalStateException("template " + template + " failed: " + e.getMessage(), e);
    }
  }
}
