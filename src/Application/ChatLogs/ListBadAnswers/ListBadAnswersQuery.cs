using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Models;
using Mediator;

namespace Chat9.Application.ChatLogs.ListBadAnswers;

/// <summary><c>GET /chat/bad-answers</c>: answers rated down, newest rating first, with the question they replied to.</summary>
public sealed record ListBadAnswersQuery(Guid BotId, PageRequest Page) : IQuery<PagedList<BadAnswer>>;
