using System.Net;
using Chat9.Application.Common.Options;
using Chat9.Infrastructure.Crawling;

namespace Chat9.Infrastructure.UnitTests.Crawling;

public sealed class AddressPolicyTests
{
    private static readonly NetworkOptions Default = new();
    private static readonly NetworkOptions Permissive = new() { AllowLoopback = true, AllowPrivateNetworks = true };

    [TestCase("127.0.0.1")]
    [TestCase("127.255.255.254")]
    [TestCase("::1")]
    [TestCase("::ffff:127.0.0.1")]
    public void IsAllowed_Loopback_OnlyWithAllowLoopback(string address)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(AddressPolicy.IsAllowed(IPAddress.Parse(address), Default), Is.False);
            Assert.That(AddressPolicy.IsAllowed(IPAddress.Parse(address), new NetworkOptions { AllowPrivateNetworks = true }), Is.False);
            Assert.That(AddressPolicy.IsAllowed(IPAddress.Parse(address), new NetworkOptions { AllowLoopback = true }), Is.True);
        }
    }

    [TestCase("10.0.0.1")]
    [TestCase("10.255.255.255")]
    [TestCase("172.16.0.1")]
    [TestCase("172.31.255.254")]
    [TestCase("192.168.1.1")]
    [TestCase("100.64.0.1")]
    [TestCase("100.127.255.254")]
    [TestCase("fc00::1")]
    [TestCase("fd12:3456:789a::1")]
    [TestCase("::ffff:10.0.0.1")]
    [TestCase("::ffff:192.168.0.10")]
    [TestCase("64:ff9b::a00:1")]
    [TestCase("2002:a00:1::1")]
    public void IsAllowed_PrivateAndCgnat_OnlyWithAllowPrivateNetworks(string address)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(AddressPolicy.IsAllowed(IPAddress.Parse(address), Default), Is.False);
            Assert.That(AddressPolicy.IsAllowed(IPAddress.Parse(address), new NetworkOptions { AllowLoopback = true }), Is.False);
            Assert.That(AddressPolicy.IsAllowed(IPAddress.Parse(address), new NetworkOptions { AllowPrivateNetworks = true }), Is.True);
        }
    }

    [TestCase("169.254.169.254", TestName = "{m}(cloud metadata)")]
    [TestCase("169.254.0.1")]
    [TestCase("fe80::1")]
    [TestCase("::ffff:169.254.169.254")]
    [TestCase("0.0.0.0")]
    [TestCase("0.1.2.3")]
    [TestCase("::")]
    [TestCase("224.0.0.1")]
    [TestCase("239.255.255.250")]
    [TestCase("ff02::1")]
    [TestCase("255.255.255.255")]
    [TestCase("240.0.0.1")]
    [TestCase("192.0.0.1")]
    [TestCase("192.0.2.1")]
    [TestCase("198.18.0.1")]
    [TestCase("198.19.255.254")]
    [TestCase("198.51.100.1")]
    [TestCase("203.0.113.1")]
    [TestCase("192.88.99.1")]
    [TestCase("2001:db8::1")]
    [TestCase("2001::1", TestName = "{m}(Teredo)")]
    [TestCase("fec0::1", TestName = "{m}(site-local)")]
    [TestCase("::127.0.0.1", TestName = "{m}(IPv4-compatible)")]
    [TestCase("100::1", TestName = "{m}(discard-only)")]
    [TestCase("64:ff9b::a9fe:a9fe", TestName = "{m}(NAT64 of 169.254.169.254)")]
    public void IsAllowed_LinkLocalUnspecifiedMulticastBroadcastReserved_NeverAllowed(string address)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(AddressPolicy.IsAllowed(IPAddress.Parse(address), Default), Is.False);
            Assert.That(AddressPolicy.IsAllowed(IPAddress.Parse(address), Permissive), Is.False);
        }
    }

    [TestCase("8.8.8.8")]
    [TestCase("1.1.1.1")]
    [TestCase("93.184.216.34")]
    [TestCase("172.15.255.255", TestName = "{m}(just below 172.16.0.0/12)")]
    [TestCase("172.32.0.1", TestName = "{m}(just above 172.16.0.0/12)")]
    [TestCase("100.63.255.255", TestName = "{m}(just below CGNAT)")]
    [TestCase("100.128.0.1", TestName = "{m}(just above CGNAT)")]
    [TestCase("2606:4700::1")]
    [TestCase("2a00:1450:4001:80b::200e")]
    [TestCase("::ffff:8.8.8.8")]
    [TestCase("64:ff9b::808:808", TestName = "{m}(NAT64 of 8.8.8.8)")]
    public void IsAllowed_PublicAddress_Allowed(string address) =>
        Assert.That(AddressPolicy.IsAllowed(IPAddress.Parse(address), Default), Is.True);
}
