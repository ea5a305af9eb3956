using Chat9.Application.Common.Models;
using Chat9.Application.Knowledge.Faq.Common;
using Chat9.Domain.Faq;
using Mediator;

namespace Chat9.Application.Knowledge.Faq.ListFaqEntries;

/// <summary><c>GET /knowledge/faq</c>: candidates and approved entries (null = all), newest first, with the number of candidates.</summary>
public sealed record ListFaqEntriesQuery(Guid BotId, PageRequest Page, FaqStatus? Status, FaqSource? Source) : IQuery<FaqPageDto>;
