package dev.schemadrift.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The element structure of an HTML document: every tag with its attribute names, in order, text
 * left out. Two renderings of one template with different values have the same skeleton exactly
 * when no value created, closed or changed an element or an attribute.
 */
final class Skeleton {
  private static final Pattern RAW_TEXT =
      Pattern.compile("(<(style|script)\\b[^>]*>).*?(</\\2>)", Pattern.DOTALL);
  private static final Pattern TAG =
      Pattern.compile("<(/?[A-Za-z][A-Za-z0-9-]*)((?:\\s+[^\\s=>/]+(?:=\"[^\"]*\")?)*)\\s*/?>");
  private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([^\\s=>/]+)(?:=\"([^\"]*)\")?");
  private static final Pattern HREF = Pattern.compile("\\shref=\"([^\"]*)\"");

  private Skeleton() {}

  static List<String> of(String html) {
    String structure = RAW_TEXT.matcher(html).replaceAll("$1$3");
    List<String> tags = new ArrayList<>();
    Matcher tag = TAG.matcher(structure);
    while (tag.find()) {
      StringBuilder entry = new StringBuilder(tag.group(1).toLowerCase(java.util.Locale.ROOT));
      Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
      while (attribute.find()) {
        entry.append(' ').append(attribute.group(1));
      }
      tags.add(entry.toString());
    }
    return tags;
  }

  /** Every href in the document. */
  static List<String> links(String html) {
    List<String> links = new ArrayList<>();
    Matcher href = HREF.matcher(html);
    while (href.find()) {
      links.add(href.group(1));
    }
    return links;
  }
}
