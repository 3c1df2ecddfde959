namespace Glas.Web.Consultations;

public static class ConsultationsModule
{
    public static IServiceCollection AddConsultations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConsultationOptions>(configuration.GetSection("Glas:Consultations"));
        services.AddScoped<FollowerMail>();
        services.AddSingleton<ConsultationClock>();
        if (configuration.GetValue("Glas:Consultations:ClockEnabled", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<ConsultationClock>());
        }
        return services;
    }
}
