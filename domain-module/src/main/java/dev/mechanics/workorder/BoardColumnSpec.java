package dev.mechanics.workorder;

import java.util.List;

/** A board column as a shop configures it: its code, display name and the codes a car may move to from it. */
public record BoardColumnSpec(String code, String name, List<String> next) {
}
