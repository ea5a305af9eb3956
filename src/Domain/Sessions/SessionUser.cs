namespace Chat9.Domain.Sessions;

/// <summary>The visitor as vouched for by a verified identity token.</summary>
public sealed record SessionUser(string UserId, string? Email, string? Name, string? PlanTier, string? Locale);

/// <summary>Unsigned hints from the page. Never trusted for identity; used to personalise and pre-fill.</summary>
public sealed record UserHints(string? UserId, string? Email, string? Name, string? PlanTier, string? Locale);
