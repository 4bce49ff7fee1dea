using System.Runtime.CompilerServices;

namespace Madar21.Tests.Infrastructure;

internal static class TestProcess
{
    /// <summary>
    /// Every test host would otherwise watch its appsettings files and its content folders with inotify instances; a
    /// run with many hosts alive at once (every class on SQLite and PostgreSQL) reaches the system's limit per user
    /// (128 by default, shared with every other process of that user). The tests never edit those files: no reload,
    /// and the file providers poll instead.
    /// </summary>
    [ModuleInitializer]
    internal static void WithoutFileWatchers()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
