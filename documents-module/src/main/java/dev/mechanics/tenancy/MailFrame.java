package dev.mechanics.tenancy;

import java.util.List;

/**
 * What the frame of every mail shows ({@code mail/layout.ftlh}): the shop, its contacts, the greeting with the
 * recipient's name, in the recipient's language.
 */
public record MailFrame(String language, String subject, String shopName, List<String> address, String phone,
                        String accent, boolean logo, String greeting) {
}
