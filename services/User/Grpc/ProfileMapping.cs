using KtEvents.Contracts.User.V1;
using KtEvents.User.Model;

namespace KtEvents.User.Grpc;

internal static class ProfileMapping
{
    public static OwnerProfile ToProfile(this Owner owner) => new()
    {
        UserId = owner.Id.ToString(),
        Name = owner.Name,
        Phone = owner.Phone,
        Email = owner.Email,
        Store = new Store
        {
            StoreId = owner.Store.Id.ToString(),
            Name = owner.Store.Name,
            Industry = owner.Store.Industry,
            Address = owner.Store.Address,
            OpeningHours = owner.Store.OpeningHours,
            BusinessNumber = owner.Store.BusinessNumber,
        },
    };
}
