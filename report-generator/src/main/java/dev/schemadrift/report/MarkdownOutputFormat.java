package dev.schemadrift.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub-flavoured Markdown as a FreeMarker output format, so that every {@code ${...}} in a {@code
 * .ftl} template is escaped automatically, as HTML is in {@code .ftlh}. Escaping puts a backslash
 * before each character that can start markup in a paragraph or a table cell (emphasis, code,
 * links, images, raw HTML, autolinks, entities, table pipes, headings) and turns line breaks into
 * spaces, so a value can neither leave its table cell nor form a link or a tag.
 */
public final class MarkdownOutputFormat
    extends CommonMarkupOutputFormat<MarkdownOutputFormat.Markdown> {
  public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

  /**
   * ASCII punctuation escaped wherever it appears (CommonMark makes a backslash before any ASCII
   * punctuation a literal). Characters that only matter at the start of a line ({@code - + = 1.})
   * are left alone, because a value never starts one.
   */
  private static final String SPECIAL = "\\`*_[]<>#|~&@";

  /** Zero-width space: invisible, and no autolink pattern runs across it. */
  private static final char LINK_BREAK = '\u200B';

  private MarkdownOutputFormat() {}

  @Override
  public String getName() {
    return "Markdown";
  }

  @Override
  public String getMimeType() {
    return "text/markdown";
  }

  @Override
  public void output(String textToEsc, Writer out) throws IOException {
    out.write(escapePlainText(textToEsc));
  }

  /**
   * Escapes {@link #SPECIAL} with backslashes and turns line breaks into spaces. Renderers also
   * turn bare {@code https://…} and {@code www.…} into links on their own, some after parsing (so
   * escapes do not stop them): a zero-width space after the {@code :} of {@code ://} and before the
   * {@code .} of {@code www.} breaks those patterns without changing what is shown. (E-mail
   * addresses: the escaped {@code @} stops GitHub; a renderer that still makes a {@code mailto:}
   * link shows exactly its target.) The HTML report and the diff JSON keep the exact value.
   */
  @Override
  public String escapePlainText(String plainTextContent) {
    StringBuilder escaped = new StringBuilder(plainTextContent.length() + 16);
    for (int index = 0; index < plainTextContent.length(); index++) {
      char character = plainTextContent.charAt(index);
      if (character == '\n' || character == '\r') {
        escaped.append(' ');
        continue;
      }
      if (character == '.' && afterWww(plainTextContent, index)) {
        escaped.append(LINK_BREAK);
      }
      if (SPECIAL.indexOf(character) >= 0) {
        escaped.append('\\');
      }
      escaped.append(character);
      if (character == ':' && plainTextContent.startsWith("//", index + 1)) {
        escaped.append(LINK_BREAK);
      }
    }
    return escaped.toString();
  }

  private static boolean afterWww(String text, int dot) {
    return dot >= 3 && text.regionMatches(true, dot - 3, "www", 0, 3);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected Markdown newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Markdown(plainTextContent, markupContent);
  }

  /** A piece of Markdown (already escaped, or markup written by a template). */
  public static final class Markdown extends CommonTemplateMarkupOutputModel<Markdown> {
    Markdown(String plainTextContent, String markupContent) {
      super(plainTextContent, markupContent);
    }

    @Override
    public MarkdownOutputFormat getOutputFormat() {
      return INSTANCE;
    }
  }
}
