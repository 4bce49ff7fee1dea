using System.Runtime.CompilerServices;

namespace Madar21.Tests.Infrastructure;

internal static class TestProcess
{
    /// <summary>
    /// Every test host would otherwise watch its appsettings files for changes, one inotify instance each; a run with
    /// many hosts alive at once (every class on SQLite and PostgreSQL) reaches the system's limit per user (128 by
    /// default, shared with any other process of that user). The tests never edit those files.
    /// </summary>
    [ModuleInitializer]
    internal static void WithoutConfigurationWatchers() =>
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
