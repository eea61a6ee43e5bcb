/** The inspection's words and the points a new checklist starts with (the API stores GREEN / YELLOW / RED). */
export const CONDITIONS = [
  { value: 'GREEN', label: 'Good' },
  { value: 'YELLOW', label: 'Needs attention' },
  { value: 'RED', label: 'Urgent' },
];

export const conditionLabel = value => CONDITIONS.find(c => c.value === value)?.label ?? 'Not checked';

export const STANDARD_POINTS = [
  'Front brake pads', 'Rear brake pads', 'Tires', 'Lights', 'Wipers', 'Battery', 'Fluids', 'Belts and hoses',
  'Suspension', 'Exhaust',
];

/** The body the API takes: every point in order, unchecked ones without a condition. */
export function requestOf(points) {
  return {
    items: points.map(p => ({
      name: p.name, condition: p.condition || null, notes: p.notes?.trim() ? p.notes.trim() : null,
    })),
  };
}
