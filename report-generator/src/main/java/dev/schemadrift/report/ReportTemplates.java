package dev.schemadrift.report;

import dev.schemadrift.diff.Fingerprint;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileExtensionMatcher;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateConfiguration;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders the report and index templates ({@code /templates} on the classpath). The FreeMarker
 * configuration is built once: HTML templates ({@code .ftlh}) escape every value as HTML, Markdown
 * templates ({@code .ftl}) as Markdown ({@link MarkdownOutputFormat}); locale, time zone and output
 * encoding are fixed so that output depends on the view alone. The pages are self-contained: the
 * stylesheet and script are inlined, and a Content-Security-Policy lets only those exact bytes run,
 * so even a value that slipped past escaping could not execute.
 */
public final class ReportTemplates {
  private static final Configuration CONFIGURATION = configuration();
  private static final String CSS = resource("/templates/report.css");
  private static final String SCRIPT = resource("/templates/index.js");
  private static final String CSP =
      "default-src 'none'; style-src '"
          + sha256(CSS)
          + "'; script-src '"
          + sha256(SCRIPT)
          + "'; img-src data:; base-uri 'none'; form-action 'none'";

  private ReportTemplates() {}

  private static Configuration configuration() {
    Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setTemplateLoader(new ClassTemplateLoader(ReportTemplates.class, "/templates"));
    configuration.setDefaultEncoding("UTF-8");
    configuration.setOutputEncoding("UTF-8");
    configuration.setLocale(Locale.ROOT);
    configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
    configuration.setNumberFormat("computer");
    configuration.setBooleanFormat("c");
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    configuration.setAPIBuiltinEnabled(false);
    configuration.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
    TemplateConfiguration markdown = new TemplateConfiguration();
    markdown.setOutputFormat(MarkdownOutputFormat.INSTANCE);
    TemplateConfiguration html = new TemplateConfiguration();
    html.setOutputFormat(HTMLOutputFormat.INSTANCE);
    configuration.setTemplateConfigurations(
        new freemarker.cache.FirstMatchTemplateConfigurationFactory(
            new ConditionalTemplateConfigurationFactory(new FileExtensionMatcher("ftlh"), html),
            new ConditionalTemplateConfigurationFactory(
                new FileExtensionMatcher("ftl"), markdown)));
    return configuration;
  }

  /** A table's report as HTML. */
  public static byte[] html(TableReportView report) {
    return render("report.ftlh", Map.of("r", report));
  }

  /** A table's report as GitHub-flavoured Markdown. */
  public static byte[] markdown(TableReportView report) {
    return render("report.ftl", Map.of("r", report));
  }

  /** The index of every table; its rows travel as a JSON data block that the script renders. */
  public static byte[] index(IndexView index) {
    return render("index.ftlh", Map.of("x", index, "rows", trusted(ScriptData.rows(index.rows()))));
  }

  private static byte[] render(String name, Map<String, Object> model) {
    try {
      Template template = CONFIGURATION.getTemplate(name);
      StringWriter out = new StringWriter();
      Map<String, Object> data = new java.util.HashMap<>(model);
      data.put("css", trusted(CSS));
      data.put("script", trusted(SCRIPT));
      data.put("csp", CSP);
      template.process(data, out);
      return out.toString().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("template " + name, e);
    } catch (TemplateException e) {
      throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * The only unescaped output: the stylesheet and the script (ours, read from the jar) and the
   * index rows, which {@link ScriptData} encodes so that nothing in them can end their script
   * element.
   */
  private static TemplateHTMLOutputModel trusted(String markup) {
    try {
      return HTMLOutputFormat.INSTANCE.fromMarkup(markup);
    } catch (TemplateModelException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String path) {
    try (InputStream in = ReportTemplates.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CSP source for an inline element's exact text. */
  private static String sha256(String text) {
    byte[] digest = Fingerprint.digest(text.getBytes(StandardCharsets.UTF_8));
    return "sha256-" + Base64.getEncoder().encodeToString(digest);
  }
}
