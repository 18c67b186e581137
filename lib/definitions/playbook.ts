/**
 * The suggested next action per segment name, shown beside each segment and in
 * exports. Data, not code: a team edits it like any definition. Keys are
 * segment names across all models (one name, one action, whichever model
 * produced it); matching ignores case and surrounding spaces.
 *
 * The RFM actions follow the commonly published RFM playbook that goes with the
 * default grid's names.
 */
import { z } from "zod";
import { SegmentNameSchema } from "./segment-name";
import { deepFreeze } from "./deep-freeze";

export const PlaybookSchema = z.record(SegmentNameSchema, z.string().trim().min(1).max(200));
export type Playbook = z.output<typeof PlaybookSchema>;

export const DEFAULT_PLAYBOOK: Playbook = deepFreeze({
  // Behavior rules
  Churned: "Win-back offer; ask why they left",
  Dormant: "Trigger re-engagement campaign",
  New: "Onboarding sequence toward the first core feature",
  "One-and-done": "Reminder within the first week: pick up where they left off",
  "Power users": "Invite to beta + upsell",
  Engaged: "Introduce an unused core feature; ask for a review",
  Casual: "Show use cases and tips that build a weekly habit",
  // Lifecycle
  Resurrected: "Welcome back: show what changed since their last visit",
  "At risk": "Check in and offer help before they go dormant",
  Activated: "Nudge toward the habit: a second core feature, a weekly routine",
  "Not activated": "Targeted onboarding toward the activation step",
  // Usage tiers
  "Average users": "Tips to get more out of the features they already use",
  "Light users": "Highlight one high-value workflow",
  "Ex-users": "Win-back campaign with what is new",
  // Churn risk
  "High risk": "Personal outreach from customer success",
  "Medium risk": "Automated check-in with usage tips",
  "Low risk": "Light-touch reminder",
  Healthy: "No action; keep monitoring",
  // Engagement score
  "Highly engaged": "Ask for referrals, reviews and case studies",
  "Moderately engaged": "Suggest the next feature to adopt",
  "Low engagement": "Re-onboard around the core workflow",
  // PQL and intent
  "Product-qualified": "Hand to sales for an upgrade conversation",
  "Not qualified": "Keep nurturing in product",
  "High intent": "Sales outreach within 24 hours",
  "Medium intent": "Send pricing and ROI content",
  "Low intent": "Keep in the nurture sequence",
  // RFM (default grid names)
  Champions: "Reward them; early access to new products; ask for referrals",
  "Loyal Customers": "Upsell higher-value products; ask for reviews",
  "Potential Loyalists": "Offer a membership or loyalty programme; recommend other products",
  "New Customers": "Onboarding support; help them to an early success",
  Promising: "Build awareness; offer free trials",
  "Need Attention": "Limited-time offers based on past purchases",
  "About to Sleep": "Share valuable resources; recommend popular products; reconnect",
  "At Risk": "Personalised emails to reconnect; renewal offers",
  "Can't Lose Them": "Win them back with renewals or newer products; talk to them",
  Hibernating: "Offer relevant products and special discounts",
  Lost: "One reach-out campaign to revive interest; otherwise leave them",
});

/** The action for a segment, or null when the playbook has none. */
export function suggestedAction(playbook: Playbook, segment: string): string | null {
  const exact = playbook[segment];
  if (exact !== undefined) return exact;
  const wanted = segment.trim().toLowerCase();
  for (const [name, action] of Object.entries(playbook)) {
    if (name.trim().toLowerCase() === wanted) return action;
  }
  return null;
}
